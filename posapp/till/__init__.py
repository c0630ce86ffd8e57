"""The till: shifts with their opening and closing counts, the cash drawer, `require_open_shift`.

Features that move money through the drawer (sales, Samsat) register a drawer part (posapp.till.drawer),
so a shift's expected cash and its X/Z report gather them without the till importing any feature.
"""
