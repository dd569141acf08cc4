-- POST /messages as in the sample's contract; used by send-throughput.sh
wrk.method = "POST"
wrk.body = '{"toUser":"zhangsan","content":"您的会议室已经预定，稍后会同步到邮箱"}'
wrk.headers["Content-Type"] = "application/json"
