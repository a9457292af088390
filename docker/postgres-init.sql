-- One PostgreSQL server for both Temporal (its own databases, created by auto-setup) and the app.
CREATE USER selfcare WITH PASSWORD 'selfcare';
CREATE DATABASE selfcare OWNER selfcare;
