/*
 * base/digest.c: SHA-256, raw and in hex; SHA-512 in hex.
 */
#include <string.h>

#include <openssl/evp.h>

#include "base/digest.h"
#include "base/warta.h"

int
sha256(const void *p, size_t n, unsigned char md[SHA256_LEN])
{
	unsigned char out[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	if (EVP_Digest(p, n, out, &len, EVP_sha256(), NULL) != 1 ||
	    len != SHA256_LEN)
		return WARTA_FAILED;
	memcpy(md, out, SHA256_LEN);
	return WARTA_OK;
}

static void
to_hex(const unsigned char *md, unsigned int n, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	unsigned int i;

	for (i = 0; i < n; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 0xF];
	}
	hex[2 * n] = '\0';
}

int
sha256_hex(const void *p, size_t n, char hex[SHA256_HEX_LEN + 1])
{
	unsigned char md[SHA256_LEN];

	if (sha256(p, n, md) != WARTA_OK)
		return WARTA_FAILED;
	to_hex(md, SHA256_LEN, hex);
	return WARTA_OK;
}

int
sha512_hex(const void *p, size_t n, char hex[SHA512_HEX_LEN + 1])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	if (EVP_Digest(p, n, md, &len, EVP_sha512(), NULL) != 1 ||
	    len != SHA512_HEX_LEN / 2)
		return WARTA_FAILED;
	to_hex(md, len, hex);
	return WARTA_OK;
}
