// What Glibc's Swift module does not export: epoll, eventfd, timerfd, accept4, and typed helpers.
#ifndef SWITCHBOARD_CSYSTEM_SHIM_H
#define SWITCHBOARD_CSYSTEM_SHIM_H
// No _GNU_SOURCE here: it would change struct definitions that Glibc's module also declares.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>

/// accept4 is declared by glibc only under _GNU_SOURCE; this is its prototype.
extern int accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags);

/// pipe2 likewise (glibc 2.9+); used to make close-on-exec pipes atomically.
extern int pipe2(int pipefd[2], int flags);

/// A pipe whose ends are close-on-exec from the start, so no concurrently spawned child inherits them.
static inline int sb_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

/// accept4 with non-blocking and close-on-exec set on the new socket.
static inline int sb_accept_nonblocking(int fd) {
    return accept4(fd, (struct sockaddr *)0, (socklen_t *)0, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

/// A non-blocking, close-on-exec TCP socket of the given family.
static inline int sb_socket_tcp(int family) {
    return socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

/// A blocking, close-on-exec TCP socket of the given family.
static inline int sb_socket_tcp_blocking(int family) {
    return socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
}

/// Sets an int-valued socket option.
static inline int sb_setsockopt_int(int fd, int level, int name, int value) {
    return setsockopt(fd, level, name, &value, sizeof(value));
}

/// The errno of the calling thread.
static inline int sb_errno(void) { return errno; }

/// epoll event accessors (the struct is packed on x86_64, which Swift imports awkwardly).
static inline uint32_t sb_epoll_events(const struct epoll_event *e) { return e->events; }
static inline uint64_t sb_epoll_data(const struct epoll_event *e) { return e->data.u64; }
static inline int sb_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event ev;
    ev.events = events;
    ev.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &ev);
}

/// Ignores SIGPIPE process-wide, so a write to a closed socket returns EPIPE instead of killing us.
static inline void sb_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

#endif
