"""The camera register (kamerabevakning): every camera lawful and documented, no footage kept
past its time.

models      cameras, footage kept outside the video system, legal holds, disclosures to the
            police, deletion receipts, data subject requests
services    every write: validate, save in a transaction, keep the change history
purge       the beat-scheduled purge (one run at a time, under a PostgreSQL advisory lock)
compliance  pure: what the coordinator must fix (permits, signs, retention)
mailing     the monthly compliance e-mail
views       the register for coordinators and administrators, the disclosure log for the police,
            and the public page (public_urls, no login)
"""
