// libcurl from Debian's libcurl4-openssl-dev, with typed wrappers for its variadic functions.
#ifndef SWITCHBOARD_CCURL_SHIM_H
#define SWITCHBOARD_CCURL_SHIM_H
#include <curl/curl.h>

static inline CURLcode sb_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sb_curl_setopt_ptr(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sb_curl_setopt_str(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sb_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sb_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }

typedef size_t (*sb_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode sb_curl_setopt_data_callback(CURL *h, CURLoption o, sb_curl_data_callback cb) {
    return curl_easy_setopt(h, o, cb);
}
typedef int (*sb_curl_xferinfo_callback)(void *p, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un);
static inline CURLcode sb_curl_setopt_xferinfo(CURL *h, sb_curl_xferinfo_callback cb) {
    return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, cb);
}
static inline CURLMcode sb_curl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }
// Pausing (the write/read callbacks return these; the multi thread resumes with CURLPAUSE_CONT).
static inline size_t sb_curl_writefunc_pause(void) { return CURL_WRITEFUNC_PAUSE; }
static inline size_t sb_curl_readfunc_pause(void) { return CURL_READFUNC_PAUSE; }
static inline size_t sb_curl_readfunc_abort(void) { return CURL_READFUNC_ABORT; }
static inline CURLcode sb_curl_easy_unpause(CURL *h) { return curl_easy_pause(h, CURLPAUSE_CONT); }
#endif
