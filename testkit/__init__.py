"""Support shared by the tests and the benches: test PKI and tokens, PostgreSQL and server
processes, a flaky proxy, demo stations and documents. Never imported by `app` or `server`."""
