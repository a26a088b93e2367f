/* receipt.h: receipt codes for anonymous learning points. Whoever logs a
 * learning point gets a short code such as "KX7-4MP", so that they can look
 * up later what became of it without an account and without the entry
 * pointing to them. Codes use 31 symbols without the look-alikes 0, O, 1, I
 * and L; six symbols give 31^6 (about 8.9e8) codes. Also the program's one
 * source of secure random bytes. libc only. */
#ifndef VB_RECEIPT_H
#define VB_RECEIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "limits.h"

/* The 31 symbols a receipt code is made of, in order. */
#define RECEIPT_ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
/* "XXX-XXX" plus the terminating NUL. */
#define RECEIPT_SIZE (LP_RECEIPT_LEN + 1)

/* Maps 8 random bytes to a canonical code "XXX-XXX" (NUL-terminated).
 * Deterministic: the same bytes always give the same code. */
void receipt_from_bytes(const unsigned char bytes[8], char out[RECEIPT_SIZE]);
/* A fresh random code from the kernel's generator; false (out is then the
 * empty string) if no random bytes could be had. */
bool receipt_generate(char out[RECEIPT_SIZE]);
/* Turns what a person typed into the canonical code: case does not matter,
 * the dash between the two groups is optional and surrounding white space is
 * ignored. False (out is then the empty string) for anything that is not
 * exactly six symbols of the alphabet, including the look-alikes 0 O 1 I L. */
bool receipt_normalize(const char *in, char out[RECEIPT_SIZE]);

/* Fills buf with n bytes from getrandom(), retrying on EINTR and short
 * reads; false if the kernel refuses. */
bool vb_random_bytes(void *buf, size_t n);

#endif
