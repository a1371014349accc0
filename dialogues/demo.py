def pledges_seed(municipalities):
    pass
