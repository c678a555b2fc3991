using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using NodaTime;

namespace AisMonitor.Core.Simulation;

/// <summary>One received transmission: a position report or a static message, when and by which receiver.</summary>
public readonly record struct SimulatedTransmission(Instant Time, string Receiver, PositionReport Position, AisMessage? Message);
