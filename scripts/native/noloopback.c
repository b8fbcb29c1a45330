/*
 * LD_PRELOAD shim for the project's own Janus process.
 *
 * 1. Hides the IFF_LOOPBACK flag from getifaddrs(). Janus (via libnice) never gathers ICE
 *    candidates on an interface flagged loopback, so with media restricted to 127.0.0.1 every call
 *    fails with "490 Error setting ICE locally". Clearing the flag makes lo look ordinary.
 * 2. When NOLOOPBACK_PARENT_PID is set, asks the kernel to SIGKILL this process when its parent
 *    dies (PR_SET_PDEATHSIG), so a crashed or SIGKILLed Node parent never leaves Janus behind.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

int getifaddrs(struct ifaddrs **ifap) {
  static int (*real_getifaddrs)(struct ifaddrs **) = NULL;
  if (!real_getifaddrs) real_getifaddrs = (int (*)(struct ifaddrs **))dlsym(RTLD_NEXT, "getifaddrs");
  if (!real_getifaddrs) return -1;
  int rc = real_getifaddrs(ifap);
  if (rc == 0) {
    for (struct ifaddrs *i = *ifap; i != NULL; i = i->ifa_next) i->ifa_flags &= ~IFF_LOOPBACK;
  }
  return rc;
}

__attribute__((constructor)) static void die_with_parent(void) {
  const char *expected = getenv("NOLOOPBACK_PARENT_PID");
  if (!expected) return;
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  /* The parent may have died before prctl ran: then we were re-parented already. */
  if ((long)getppid() != atol(expected)) _exit(1);
  unsetenv("NOLOOPBACK_PARENT_PID");
}
