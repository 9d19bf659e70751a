/*
 * Test-only stand-in for Windows' bcryptprimitives.dll, for running pd-intake.exe under
 * Wine 8 (Debian 12), which lacks that DLL. Rust's standard library asks it for random bytes
 * (ProcessPrng); this passes the request to Wine's bcrypt.dll. Real Windows 10 and later ship
 * the real DLL; this one is never part of a release.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll processprng.c -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* BCryptGenRandom takes a 32-bit length: ask in pieces. */
    while (len > 0) {
        ULONG part = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, part, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += part;
        len -= part;
    }
    return TRUE;
}
