/*
 * digest.c: SHA-256 in hex.
 */
#include <openssl/evp.h>

#include "digest.h"
#include "warta.h"

int
sha256_hex(const void *p, size_t n, char hex[SHA256_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;

	if (EVP_Digest(p, n, md, &mdlen, EVP_sha256(), NULL) != 1 || mdlen != 32)
		return WARTA_FAILED;
	for (i = 0; i < mdlen; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 0xF];
	}
	hex[2 * mdlen] = '\0';
	return WARTA_OK;
}
