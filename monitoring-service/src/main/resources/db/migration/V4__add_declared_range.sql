-- The first and last month with accepted declarations, so that "counts in the period" is a test on the row itself
-- (no correlated lookup in spend_month per allocation when counting clients).
alter table allocation_fact add column declared_from date;
alter table allocation_fact add column declared_to date;
update allocation_fact a set declared_from = s.first_month, declared_to = s.last_month
from (select allocation_id, min(month) as first_month, max(month) as last_month from spend_month group by 1) s
where s.allocation_id = a.allocation_id;
