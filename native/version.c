/***************************************************************************
 * curl_version_info_data, field by field (see VersionInfoFields.java).
 ***************************************************************************/
#include "curlew_int.h"

#define PROTOCOL_BASE 1000
#define FEATURE_BASE 2000

static const char *nth(const char * const *list, int n)
{
  int i;
  if(!list)
    return NULL;
  for(i = 0; list[i]; i++)
    if(i == n)
      return list[i];
  return NULL;
}

intptr_t curlew_version_info_field(int index)
{
  const curl_version_info_data *d = curl_version_info(CURLVERSION_NOW);
  const char *s = NULL;
  if(index >= FEATURE_BASE)
    return (intptr_t)nth(d->feature_names, index - FEATURE_BASE);
  if(index >= PROTOCOL_BASE)
    return (intptr_t)nth((const char * const *)d->protocols,
                         index - PROTOCOL_BASE);
  switch(index) {
  case 0: s = d->version; break;
  case 1: s = d->host; break;
  case 2: s = d->ssl_version; break;
  case 3: s = d->libz_version; break;
  case 4: s = d->ares; break;
  case 5: s = d->libidn; break;
  case 6: s = d->libssh_version; break;
  case 7: s = d->brotli_version; break;
  case 8: s = d->nghttp2_version; break;
  case 9: s = d->quic_version; break;
  case 10: s = d->cainfo; break;
  case 11: s = d->capath; break;
  case 12: s = d->zstd_version; break;
  case 13: s = d->hyper_version; break;
  case 14: s = d->gsasl_version; break;
  case 15: s = d->rtmp_version; break;
  default: break;
  }
  return (intptr_t)s;
}

int64_t curlew_version_info_number(int index)
{
  const curl_version_info_data *d = curl_version_info(CURLVERSION_NOW);
  switch(index) {
  case 0: return d->age;
  case 1: return d->version_num;
  case 2: return d->features;
  case 3: return d->ssl_version_num;
  case 4: return d->ares_num;
  case 5: return d->iconv_ver_num;
  case 6: return d->brotli_ver_num;
  case 7: return d->nghttp2_ver_num;
  case 8: return d->zstd_ver_num;
  default: return -1;
  }
}
