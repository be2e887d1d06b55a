-- One row: when the credential sweep last ran. Claiming it with a conditional UPDATE lets one
-- server of several run each sweep.
create table sweep_state (
    id           integer primary key,
    last_run_at  timestamp with time zone
);
insert into sweep_state (id, last_run_at) values (1, null);
