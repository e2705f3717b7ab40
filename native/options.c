/***************************************************************************
 * Option type lookup from libcurl's own option table, so a value of the
 * wrong type never reaches curl_easy_setopt's va_arg.
 *
 * Option ids are CURLOPTTYPE_* bases (0, 10000, 20000, 30000, 40000) plus a
 * number below 1000, which gives a dense O(1) table.
 ***************************************************************************/
#include <string.h>
#include "curlew_int.h"

#define BASES 5
#define PER_BASE 1000

static signed char option_types[BASES][PER_BASE];
static int option_count = -1;

static void fill_option_types(void)
{
  const struct curl_easyoption *o = NULL;
  memset(option_types, -1, sizeof(option_types));
  option_count = 0;
  while((o = curl_easy_option_next(o)) != NULL) {
    int base = (int)o->id / 10000;
    int n = (int)o->id % 10000;
    if(base >= 0 && base < BASES && n >= 0 && n < PER_BASE)
      option_types[base][n] = (signed char)o->type;
    option_count++;
  }
}

int curlew_global_init(long flags)
{
  CURLcode rc = curl_global_init(flags);
  if(rc == CURLE_OK && option_count < 0)
    fill_option_types();
  return (int)rc;
}

void curlew_global_cleanup(void)
{
  curl_global_cleanup();
}

int curlew_option_table_size(void)
{
  return option_count;
}

int curlew_option_type_of(int opt)
{
  return curlew_option_type(opt);
}

int curlew_option_type(int opt)
{
  int base = opt / 10000;
  int n = opt % 10000;
  if(opt < 0 || base >= BASES || n >= PER_BASE)
    return -1;
  if(option_count < 0)
    fill_option_types();
  return option_types[base][n];
}

static intptr_t option_out(const struct curl_easyoption *o, int64_t *out)
{
  if(!o)
    return 0;
  out[0] = (int64_t)(intptr_t)o->name;
  out[1] = (int64_t)o->id;
  out[2] = (int64_t)o->type;
  out[3] = (int64_t)o->flags;
  return (intptr_t)o;
}

intptr_t curlew_option_next(intptr_t prev, int64_t *out)
{
  return option_out(
    curl_easy_option_next((const struct curl_easyoption *)prev), out);
}

intptr_t curlew_option_by_name(const char *name, int64_t *out)
{
  return name ? option_out(curl_easy_option_by_name(name), out) : 0;
}

intptr_t curlew_option_by_id(int id, int64_t *out)
{
  return option_out(curl_easy_option_by_id((CURLoption)id), out);
}
