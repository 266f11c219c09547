-- Spend per slicing dimensions and month, kept up to date by the same transactions that apply the events, so that a
-- figure reads a few thousand summary rows instead of joining every allocation-month. A dimension monitoring has not
-- seen yet is 'UNKNOWN'; when the allocation's own event arrives its spend moves to its real dimensions.
create table spend_slice_month (
    month             date        not null,
    municipality_code varchar(10) not null,
    segment           varchar(60) not null,
    profile           varchar(60) not null,
    provider_agb      varchar(10) not null,
    referrer_type     varchar(10) not null,
    realised_cents    bigint      not null,
    primary key (month, municipality_code, segment, profile, provider_agb, referrer_type)
);

insert into spend_slice_month
select s.month, coalesce(a.municipality_code, 'UNKNOWN'), coalesce(a.segment, 'UNKNOWN'),
       coalesce(a.profile, 'UNKNOWN'), coalesce(a.provider_agb, 'UNKNOWN'), coalesce(a.referrer_type, 'UNKNOWN'),
       sum(s.realised_cents)
from spend_month s join allocation_fact a on a.allocation_id = s.allocation_id
group by 1, 2, 3, 4, 5, 6;
