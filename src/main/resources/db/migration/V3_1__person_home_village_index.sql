-- Loading one kecamatan's roster looks people up by home village too.
CREATE INDEX person_home_village_idx ON person (home_village_code);
