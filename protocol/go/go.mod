module rpcsim/protocol/go

go 1.19
