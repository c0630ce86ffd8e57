"""The wire to the hub, low in the house: the outbox, the protocol, the signed client, the sync state,
the reference data the hub published, and the table of effects features registered for hub answers.

It knows no feature: features write to the outbox and read reference data; the sync run (above them)
calls the effects they registered here.
"""
