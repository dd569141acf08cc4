-- wrk script: POSTs pre-sealed WeCom callbacks, each a different message, so that deduplication never
-- short-circuits one. Lines come from CallbackRequestGenerator: "<path>?<query>\t<body>".
--
--   wrk -t2 -c32 -d15s -s callbacks.lua http://127.0.0.1:8080 -- <file> <threads> [path]
--
-- <threads> must equal -t: thread k of n takes lines k, k+n, k+2n, ... so no two threads send the same
-- callback. [path] replaces the callback path (e.g. /bench/empty) while keeping query and body, so
-- that the baseline gets requests of the same size.

local next_id = 0
local all_threads = {}

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(all_threads, thread)
end

function init(args)
  local file = args[1] or "target/callbacks.txt"
  local threads = tonumber(args[2] or "1")
  local path_override = args[3]
  requests = {}
  sent = 0
  local line_number = 0
  local headers = { ["Content-Type"] = "text/xml; charset=utf-8" }
  for line in io.lines(file) do
    if line_number % threads == id then
      local target, body = line:match("^([^\t]+)\t(.*)$")
      if path_override then
        target = path_override .. target:match("(%?.*)$")
      end
      requests[#requests + 1] = wrk.format("POST", target, headers, body)
    end
    line_number = line_number + 1
  end
  size = #requests
  if size == 0 then
    error("no requests for thread " .. id .. " in " .. file)
  end
end

function request()
  sent = sent + 1
  return requests[((sent - 1) % size) + 1]
end

function done(summary, latency, requests)
  local replays = 0
  for _, thread in ipairs(all_threads) do
    local thread_sent, thread_size = thread:get("sent"), thread:get("size")
    if thread_sent > thread_size then
      replays = replays + thread_sent - thread_size
    end
  end
  if replays > 0 then
    io.write(string.format("WARNING: %d requests were replays (the file ran out); generate more lines\n", replays))
  else
    io.write("Every request was a different callback.\n")
  end
end
