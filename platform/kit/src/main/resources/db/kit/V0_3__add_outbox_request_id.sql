-- The request that caused an event (X-Request-Id), sent along as a Kafka header so one request can be followed
-- through every service's logs. Null for rows written before this column and outside a request.
alter table outbox add column request_id varchar(100);
