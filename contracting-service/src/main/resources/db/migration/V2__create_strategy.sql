create table strategy (
    id         uuid primary key,
    region     varchar(10) not null,
    round      varchar(40) not null,
    segment    varchar(40) not null,
    adopted_at timestamptz not null,
    document   jsonb       not null,
    -- one strategy per segment per procurement round
    unique (region, round, segment)
);
