-- one database per service: each owns its schema and never reads another's tables
create database access;
create database contracting;
create database provider;
create database monitoring;
