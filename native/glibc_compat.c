/***************************************************************************
 * Keeps the library loadable on older glibc (see the README's platform
 * table). With _FILE_OFFSET_BITS=64, glibc >= 2.28 headers turn fcntl()
 * into fcntl64@GLIBC_2.28; on 64-bit Linux both have the same ABI, so the
 * release build links fcntl64 to the old fcntl symbol through
 * -Wl,--wrap=fcntl64. The host build does not wrap and ignores this.
 ***************************************************************************/
#include <stdarg.h>

#if defined(__x86_64__)
__asm__(".symver curlew_fcntl_compat, fcntl@GLIBC_2.2.5");
#elif defined(__aarch64__)
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
