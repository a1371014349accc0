"""The local gazetteer: the named places of a municipality a resident may type instead of
marking the map (imported streets and addresses, the named areas, the walks' meeting places),
and an optional Nominatim-compatible geocoder behind it. No external service is needed."""
