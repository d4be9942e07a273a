SELECT format('DROP TABLE %I', relname) FROM pg_class WHERE relname LIKE 'cx\_%' AND relkind = 'r' \gexec
