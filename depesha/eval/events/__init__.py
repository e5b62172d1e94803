"""The event corpus: gold reader and checker, a runner, and the scorer of `../shared/EVENTS.md`."""
