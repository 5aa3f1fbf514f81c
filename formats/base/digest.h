/*
 * base/digest.h: SHA-256 through OpenSSL's libcrypto (it uses the CPU's SHA
 * instructions, several times faster than a portable implementation).
 */
#ifndef WARTA_DIGEST_H
#define WARTA_DIGEST_H

#include <stddef.h>

#define SHA256_HEX_LEN 64

#define SHA256_LEN 32

#define SHA512_HEX_LEN 128

/* Writes the SHA-256 of (p, n) into md[32]. */
int sha256(const void *p, size_t n, unsigned char md[SHA256_LEN]);

/* Writes the lowercase hex SHA-256 of (p, n) and a NUL into hex[65]. */
int sha256_hex(const void *p, size_t n, char hex[SHA256_HEX_LEN + 1]);

/* The same with SHA-512, into hex[129] (BagIt's second manifest). */
int sha512_hex(const void *p, size_t n, char hex[SHA512_HEX_LEN + 1]);

#endif
