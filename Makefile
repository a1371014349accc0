.PHONY: run test services-stop

## Set up what is missing and run the product (web, Celery worker, Celery beat) with demo data.
run:
	bin/run

## Set up what is missing and run every check and test, browser tests included.
test:
	bin/test

## Stop the local PostgreSQL and Redis.
services-stop:
	bin/services stop
