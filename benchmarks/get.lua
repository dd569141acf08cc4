-- a plain GET; used by send-throughput.sh for the empty-endpoint ceiling
wrk.method = "GET"
