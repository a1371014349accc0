"""Open311 GeoReport v2 over the tips: service discovery, creating a request (a tip like any
other) with a client application's API key, and reading the published tips as requests, in JSON
and XML (https://wiki.open311.org/GeoReport_v2)."""
