/*
 * base/digest.c: SHA-256, raw and in hex.
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

int
sha256_hex(const void *p, size_t n, char hex[SHA256_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[SHA256_LEN];
	unsigned int i;

	if (sha256(p, n, md) != WARTA_OK)
		return WARTA_FAILED;
	for (i = 0; i < SHA256_LEN; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 0xF];
	}
	hex[2 * SHA256_LEN] = '\0';
	return WARTA_OK;
}
