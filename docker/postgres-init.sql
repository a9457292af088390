-- One PostgreSQL server for both Temporal (its own databases, created by deploy/temporal/setup-schema.sh) and the app.
CREATE USER selfcare WITH PASSWORD 'selfcare';
CREATE DATABASE selfcare OWNER selfcare;
