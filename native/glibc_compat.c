/***************************************************************************
 * Keeps the library loadable on older glibc (see docs/platforms.md). With
 * _FILE_OFFSET_BITS=64, glibc >= 2.28 headers turn fcntl() into
 * fcntl64@GLIBC_2.28; on 64-bit Linux both have the same ABI, so the
 * release build links fcntl64 to the old fcntl symbol through
 * -Wl,--wrap=fcntl64. The host build does not wrap and ignores this.
 *
 * Only for the CPUs whose old fcntl symbol version is known. Elsewhere
 * (other CPUs, macOS, Windows) this file is empty: the ELF .symver
 * directive does not exist there and there is nothing to wrap.
 ***************************************************************************/
#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))

#include <stdarg.h>

#if defined(__x86_64__)
__asm__(".symver curlew_fcntl_compat, fcntl@GLIBC_2.2.5");
#else
__asm__(".symver curlew_fcntl_compat, fcntl@GLIBC_2.17");
#endif

extern int curlew_fcntl_compat(int fd, int cmd, ...);

__attribute__((visibility("hidden")))
int __wrap_fcntl64(int fd, int cmd, ...)
{
  va_list ap;
  void *arg;
  va_start(ap, cmd);
  arg = va_arg(ap, void *);
  va_end(ap);
  return curlew_fcntl_compat(fd, cmd, arg);
}

#else

/* ISO C wants at least one declaration in a translation unit */
typedef int curlew_glibc_compat_unused;

#endif
