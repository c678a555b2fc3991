using NodaTime;

namespace AisMonitor.Core.Ais.Messages;

/// <summary>Base station report (type 4) or UTC/date response (type 11): a station's UTC clock and position.</summary>
public sealed record BaseStationReport : AisMessage
{
    /// <summary>UTC year as transmitted (0 = not available).</summary>
    public int Year { get; init; }

    /// <summary>UTC month (0 = not available).</summary>
    public int Month { get; init; }

    /// <summary>UTC day (0 = not available).</summary>
    public int Day { get; init; }

    /// <summary>UTC hour (24 = not available).</summary>
    public int Hour { get; init; }

    /// <summary>UTC minute (60 = not available).</summary>
    public int Minute { get; init; }

    /// <summary>UTC second (60 = not available).</summary>
    public int Second { get; init; }

    /// <summary>True when the position accuracy is better than 10 m.</summary>
    public bool PositionAccuracyHigh { get; init; }

    /// <summary>WGS-84 longitude in degrees.</summary>
    public double? LongitudeDegrees { get; init; }

    /// <summary>WGS-84 latitude in degrees.</summary>
    public double? LatitudeDegrees { get; init; }

    /// <summary>Type of position fixing device.</summary>
    public byte Epfd { get; init; }

    /// <summary>RAIM in use.</summary>
    public bool Raim { get; init; }

    /// <summary>SOTDMA communication state.</summary>
    public uint RadioStatus { get; init; }

    /// <summary>The transmitted date and time as an instant, or null when any part is not available or invalid.</summary>
    public Instant? UtcTime
    {
        get
        {
            if (Year is < 1 or > 9999 || Month is < 1 or > 12 || Day < 1 || Hour > 23 || Minute > 59 || Second > 59
                || Day > CalendarSystem.Iso.GetDaysInMonth(Year, Month))
            {
                return null;
            }

            return Instant.FromUtc(Year, Month, Day, Hour, Minute, Second);
        }
    }

    /// <inheritdoc />
    protected override void WriteBody(IAisFieldWriter writer)
    {
        writer.WriteInteger(AisFieldNames.UtcYear, Year);
        writer.WriteInteger(AisFieldNames.UtcMonth, Month);
        writer.WriteInteger(AisFieldNames.UtcDay, Day);
        writer.WriteInteger(AisFieldNames.UtcHour, Hour);
        writer.WriteInteger(AisFieldNames.UtcMinute, Minute);
        writer.WriteInteger(AisFieldNames.UtcSecond, Second);
        writer.WriteInstant(AisFieldNames.UtcDateTime, UtcTime);
        writer.WriteBoolean(AisFieldNames.PositionAccuracy, PositionAccuracyHigh);
        writer.WriteNumber(AisFieldNames.Longitude, LongitudeDegrees);
        writer.WriteNumber(AisFieldNames.Latitude, LatitudeDegrees);
        writer.WriteInteger(AisFieldNames.Epfd, Epfd);
        writer.WriteBoolean(AisFieldNames.Raim, Raim);
        writer.WriteInteger(AisFieldNames.Radio, RadioStatus);
    }
}
