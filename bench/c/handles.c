/* What one idle C libcurl easy handle costs in RSS (compare
   io.curlew.bench.HandleMemory). Build like cbench.c; run: handles 10000 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long kb(const char *key)
{
  char line[256];
  long v = -1;
  size_t kl = strlen(key);
  FILE *f = fopen("/proc/self/status", "r");
  if(!f)
    return -1;
  while(fgets(line, sizeof(line), f))
    if(!strncmp(line, key, kl) && line[kl] == ':') {
      v = atol(line + kl + 1);
      break;
    }
  fclose(f);
  return v;
}

int main(int argc, char **argv)
{
  int n = argc > 1 ? atoi(argv[1]) : 10000, i;
  long rss0;
  CURL **h;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  curl_easy_cleanup(curl_easy_init());
  rss0 = kb("VmRSS");
  h = malloc((size_t)n * sizeof(*h));
  for(i = 0; i < n; i++) {
    h[i] = curl_easy_init();
    curl_easy_setopt(h[i], CURLOPT_URL, "http://127.0.0.1:1/");
    curl_easy_setopt(h[i], CURLOPT_NOSIGNAL, 1L);
  }
  printf("%d easy handles: RSS +%.2f KiB per handle\n", n, (kb("VmRSS") - rss0) / (double)n);
  for(i = 0; i < n; i++)
    curl_easy_cleanup(h[i]);
  free(h);
  return 0;
}
