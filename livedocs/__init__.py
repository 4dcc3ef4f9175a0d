"""Build-time tooling for the rnnnotes site: live numbers and math rendering."""
