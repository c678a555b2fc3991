using System.CommandLine;
using AisMonitor.Worker.Commands;

var root = new RootCommand("AisMonitor: AIS vessel tracking and anomaly detection (transponder gaps, unusual port calls).")
{
    DecodeCommand.Create(),
    ReplayCommand.Create(),
    SimulateCommand.Create(),
    MigrateCommand.Create(),
};

return root.Parse(args).Invoke();
