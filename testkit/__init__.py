"""Support shared by the tests and the benches; never imported by `app` or `server`."""
# Here: test PKI and tokens, PostgreSQL and server processes, a flaky proxy, demo stations and
# documents. `app` and `server` importing it is refused by lint-imports (pyproject.toml).
