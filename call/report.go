package call

// ReportError tells the application about a problem outside the call
// engine that does not end the call: a sound card unplugged, a camera that
// stopped. It becomes an EventError carrying err, with the current call and
// its status (StatusIdle and no call when there is none); the call's state
// does not change, and the call goes on with whatever media remains.
//
// It never blocks and is safe from any goroutine, including media loops and
// pion callbacks: like every other input it is queued on the Client's loop,
// so the event is ordered with the call's own events. A nil err is ignored,
// and so is anything reported after Close.
func (c *Client) ReportError(err error) {
	if err == nil {
		return
	}
	c.work.put(func() { c.emit(Event{Type: EventError, Err: err}) })
}
