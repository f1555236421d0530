-- Identifiers that break naive code: path traversal, quotes, markup, unicode, reserved words, length.
CREATE TABLE "../../x" ("id" INTEGER PRIMARY KEY, "<script>alert(1)</script>" TEXT);
CREATE TABLE "a/b" ("a""b" TEXT, "select" INTEGER, "with space" TEXT);
CREATE TABLE "index" ("id" INTEGER PRIMARY KEY, "x_id" INTEGER REFERENCES "../../x" ("id"));
CREATE TABLE ".." ("é" TEXT, "naïve" TEXT);
CREATE TABLE "é" ("ключ" INTEGER PRIMARY KEY, "值" TEXT);
CREATE TABLE "É" ("id" INTEGER);
CREATE TABLE "Album" ("id" INTEGER);
CREATE TABLE "a""b" ("id" INTEGER, "<img src=x onerror=alert(1)>" TEXT DEFAULT '</td><script>alert(2)</script>');
CREATE TABLE "tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt" ("id" INTEGER);
CREATE TABLE "tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttu" ("id" INTEGER);
CREATE TABLE "con" ("id" INTEGER);
CREATE TABLE "%2e%2e" ("id" INTEGER);
CREATE TABLE "line
break" ("tab	col" INTEGER);
CREATE VIEW "<svg onload=alert(1)>" AS SELECT '<b>bold</b>' AS "<i>", 1 AS "&amp;";
