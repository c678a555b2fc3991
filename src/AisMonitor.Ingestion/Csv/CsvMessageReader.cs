using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using AisMonitor.Core.Ais;
using AisMonitor.Core.Ais.Messages;
using AisMonitor.Ingestion.Replay;
using CsvHelper;
using NodaTime;

namespace AisMonitor.Ingestion.Csv;

/// <summary>
/// Reads a CSV export (MarineCadastre, Danish Maritime Authority or any positions CSV with a
/// <see cref="CsvLayout"/>) as the same messages an NMEA feed gives. Each row is a position
/// report when the layout has coordinates; its identity columns (name, IMO, call sign, type,
/// size, draught, destination) become a static report when they differ from the last ones seen
/// for that MMSI, so a file that repeats them on every row does not flood the tracker.
/// </summary>
public sealed class CsvMessageReader : IMessageReader
{
    /// <summary>Longest record used, in bytes: a longer one is rejected as <c>RecordTooLong</c> and reading goes on (as with NMEA's line limit).</summary>
    public const int MaxRecordBytes = 1 << 20;

    private const int HardRecordLimitBytes = 64 << 20;
    private long _lastLine = 1;
    private string? _incomplete;
    private readonly CsvReader _reader;
    private readonly ReplayFormat _format;
    private readonly CsvLayout _layout;
    private readonly CsvTimeParser _times;
    private static readonly CsvField[] IdentityFields =
    [
        CsvField.Name, CsvField.CallSign, CsvField.Imo, CsvField.ShipType, CsvField.Length, CsvField.Width, CsvField.Draught,
        CsvField.Destination, CsvField.ToBow, CsvField.ToStern, CsvField.ToPort, CsvField.ToStarboard, CsvField.PartNumber,
    ];

    private readonly int[] _identityColumns; // the identity fields the file has, as column indexes
    private readonly Dictionary<uint, LastIdentity> _lastIdentity = [];
    private readonly XxHash3 _identityBytes = new();
    private readonly Dictionary<string, long> _skipped = [];
    private readonly Dictionary<string, long> _rejected = [];
    private readonly long[] _messagesByType = new long[28];
    private AisMessage? _queued;
    private MessageMetadata _queuedMetadata;
    private long _linesRead;
    private long _messageLines;
    private long _messages;

    /// <summary>Opens a CSV whose fields <paramref name="separator"/> separates; the header is read at once. Throws <see cref="FormatException"/> when it lacks MMSI or time.</summary>
    public CsvMessageReader(Stream stream, ReplayFormat format, IReadOnlyDictionary<string, string>? mapping = null, string? timeFormat = null, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(stream);
        _format = format;
        _times = new CsvTimeParser(timeFormat);
        var options = new CsvReaderOptions
        {
            Separator = separator,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = false, // an unbalanced quote costs one row, not the rest of the file
            MaxRecordSize = HardRecordLimitBytes, // a guard against an unclosed quote swallowing the file; records past MaxRecordBytes are rejected below

            PoolStrings = true,
            SkipEmptyLines = false, // each blank line is counted, the last one too
        };
        _reader = CsvReader.Create(stream, options, leaveOpen: false);
        _reader.ReadHeader();
        var header = _reader.Headers;
        if (header.Count == 0)
        {
            throw new FormatException("The CSV is empty: no header row.");
        }

        _linesRead = 1;
        Count(_skipped, "Header");
        _layout = CsvLayout.FromHeader(header.ToList(), mapping);
        _identityColumns = [.. IdentityFields.Where(_layout.Has).Select(f => _layout[f])];
    }

    /// <inheritdoc />
    public Action<long, string>? RejectionObserver { get; set; }

    /// <inheritdoc />
    public ReadSummary Summary => new()
    {
        Format = _format,
        LinesRead = _linesRead,
        MessageLines = _messageLines,
        Messages = _messages,
        MessagesByType = Enumerable.Range(1, 27).Where(t => _messagesByType[t] > 0).ToDictionary(t => t, t => _messagesByType[t]),
        Skipped = new Dictionary<string, long>(_skipped),
        Rejected = new Dictionary<string, long>(_rejected),
        Incomplete = _incomplete,
    };

    /// <inheritdoc />
    public bool TryRead(out DecodedMessage message)
    {
        if (_queued is not null)
        {
            message = Emit(new DecodedMessage(_queuedMetadata, _queued));
            _queued = null;
            return true;
        }

        while (ReadRecord())
        {
            var line = _reader.LineNumber;
            _lastLine = line;
            _linesRead++;
            if (_reader.RawRecord.Length == 0)
            {
                Count(_skipped, "BlankLine");
                continue;
            }

            if (_reader.RawRecord.Length > MaxRecordBytes)
            {
                Count(_rejected, "RecordTooLong");
                RejectionObserver?.Invoke(line, "RecordTooLong");
                continue;
            }

            var outcome = ReadRow(out message, out var reason);
            switch (outcome)
            {
                case RowOutcome.Message:
                    _messageLines++;
                    return true;
                case RowOutcome.Rejected:
                    Count(_rejected, reason);
                    RejectionObserver?.Invoke(_reader.LineNumber, reason);
                    break;
                default:
                    Count(_skipped, reason);
                    break;
            }
        }

        message = default;
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    /// <summary>The next record; a record past the parser's hard limit (an unclosed quote, a hostile file) ends the file as incomplete instead of throwing.</summary>
    private bool ReadRecord()
    {
        if (_incomplete is not null)
        {
            return false;
        }

        try
        {
            return _reader.Read();
        }
        catch (CsvHelper.CsvFormatException e)
        {
            _linesRead++;
            Count(_rejected, "RecordTooLong");
            _incomplete = string.Create(CultureInfo.InvariantCulture, $"a record after line {_lastLine:N0} is longer than {HardRecordLimitBytes >> 20} MiB (an unclosed quote?): reading stopped there ({e.Message})");
            return false;
        }
    }

    private RowOutcome ReadRow(out DecodedMessage message, out string reason)
    {
        message = default;
        reason = string.Empty;
        if (_reader.FieldCount != _layout.ColumnCount)
        {
            reason = "WrongColumnCount";
            return RowOutcome.Rejected;
        }

        if (!Mmsi.TryParse(Cell(CsvField.Mmsi), out var mmsi))
        {
            reason = "InvalidMmsi";
            return RowOutcome.Rejected;
        }

        if (Time() is not { } time)
        {
            reason = "InvalidTimestamp";
            return RowOutcome.Rejected;
        }

        var metadata = new MessageMetadata
        {
            LineNumber = _reader.LineNumber,
            Received = time,
            Source = CsvValues.Text(Cell(CsvField.Source)),
            ChecksumValid = true,
        };
        var type = (int?)Number(CsvField.MessageType);
        var staticReport = StaticReport(mmsi, type);
        if (_layout.HasPositions && type is null or 1 or 2 or 3 or 18 or 19 or 27)
        {
            if (!TryNumber(CsvField.Latitude, out var latitude) || !TryNumber(CsvField.Longitude, out var longitude))
            {
                reason = "InvalidCoordinate";
                return RowOutcome.Rejected;
            }

            message = Emit(new DecodedMessage(metadata, Position(mmsi, type, latitude, longitude)));
            if (staticReport is not null)
            {
                _queued = staticReport;
                _queuedMetadata = metadata;
            }

            return RowOutcome.Message;
        }

        if (staticReport is not null)
        {
            message = Emit(new DecodedMessage(metadata, staticReport));
            return RowOutcome.Message;
        }

        reason = "UnchangedStatic";
        return RowOutcome.Skipped;
    }

    private PositionReport Position(Mmsi mmsi, int? type, double? latitude, double? longitude)
    {
        var classB = CsvValues.Text(Cell(CsvField.TransceiverClass)) is { } transceiver && transceiver.EndsWith('B');
        var sog = Number(CsvField.SpeedOverGround);
        var cog = Number(CsvField.CourseOverGround);
        var heading = Number(CsvField.Heading);
        var rot = Number(CsvField.RateOfTurn);
        return new PositionReport
        {
            MessageType = (byte)(type ?? (classB ? 18 : 1)),
            Mmsi = mmsi,
            NavigationStatus = Number(CsvField.NavigationStatus) is { } code ? CsvValues.NavigationStatus(code) : CsvValues.NamedNavigationStatus(Cell(CsvField.NavigationStatus)),
            RateOfTurnRaw = rot is { } degreesPerMinute && Math.Abs(degreesPerMinute) <= 708
                ? (sbyte)Math.Round(Math.CopySign(4.733 * Math.Sqrt(Math.Abs(degreesPerMinute)), degreesPerMinute))
                : null,
            SpeedOverGroundKnots = sog is >= 0 and < 102.25 ? sog : null,
            LatitudeDegrees = latitude is >= -90 and <= 90 ? latitude : null,
            LongitudeDegrees = longitude is >= -180 and <= 180 ? longitude : null,
            CourseOverGroundDegrees = cog is >= 0 and < 360 ? cog : null,
            TrueHeadingDegrees = heading is >= 0 and < 360 ? (short)heading : null,
        };
    }

    /// <summary>
    /// A static report when the row's identity differs from the last one read for the MMSI. Rows that
    /// repeat the last one byte for byte (most rows of an export that writes it on every row) are
    /// passed over on a hash of their identity cells' bytes, without reading the cells.
    /// </summary>
    private AisMessage? StaticReport(Mmsi mmsi, int? type)
    {
        if (_identityColumns.Length == 0)
        {
            return null; // positions only: no identity to report
        }

        var bytes = IdentityBytesHash();
        ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_lastIdentity, mmsi.Value, out var seen);
        if (seen && last.BytesHash == bytes)
        {
            return null;
        }

        last.BytesHash = bytes;
        return StaticReport(mmsi, type, ref last);
    }

    private AisMessage? StaticReport(Mmsi mmsi, int? type, ref LastIdentity last)
    {
        var name = CsvValues.Text(Cell(CsvField.Name));
        var callSign = CsvValues.Text(Cell(CsvField.CallSign));
        var imoText = CsvValues.Text(Cell(CsvField.Imo));
        var shipType = Number(CsvField.ShipType) is { } code ? CsvValues.ShipType(code) : CsvValues.NamedShipType(Cell(CsvField.ShipType));
        var length = Number(CsvField.Length);
        var width = Number(CsvField.Width);
        var draught = Number(CsvField.Draught);
        var destination = CsvValues.Text(Cell(CsvField.Destination));
        var dimensions = new ShipDimensions(Whole(CsvField.ToBow), Whole(CsvField.ToStern), Whole(CsvField.ToPort), Whole(CsvField.ToStarboard));
        var part = (int?)Number(CsvField.PartNumber);
        if (name is null && callSign is null && imoText is null && shipType == 0 && length is null && width is null && draught is null && destination is null && dimensions == default)
        {
            return null;
        }

        var hash = HashCode.Combine(name, callSign, imoText, shipType, length, width, HashCode.Combine(draught, destination, dimensions, part));
        if (last.Known && last.ValuesHash == hash)
        {
            return null;
        }

        (last.ValuesHash, last.Known) = (hash, true);
        if (type == 24)
        {
            return new StaticDataReport
            {
                MessageType = 24,
                Mmsi = mmsi,
                PartNumber = (byte)(part is 1 ? 1 : 0),
                ShipName = name,
                CallSign = callSign,
                ShipType = shipType,
                Dimensions = dimensions,
            };
        }

        var digits = imoText is null ? string.Empty : new string(imoText.Where(char.IsAsciiDigit).ToArray());
        return new StaticAndVoyageData
        {
            MessageType = 5,
            Mmsi = mmsi,
            ShipName = name,
            CallSign = callSign,
            ImoRaw = uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var imo) && imo < (1u << 30) ? imo : 0,
            ShipType = shipType,
            Dimensions = dimensions,
            ReportedLengthMetres = length is > 0 ? length : null,
            ReportedBeamMetres = width is > 0 ? width : null,
            DraughtMetres = draught is > 0 ? draught : null,
            Destination = destination,
        };
    }

    /// <summary>The row's time: a common layout from the cell's bytes, any other through the time patterns (see <see cref="CsvTimeParser"/>).</summary>
    private Instant? Time()
    {
        var milliseconds = _layout.Has(CsvField.Milliseconds) ? Cell(CsvField.Milliseconds) : null;
        var index = _layout[CsvField.Time];
        if (index >= 0 && _reader.GetSpan(index) is var cell && Ascii.IsValid(cell) && _times.TryParseCommon(cell, out var common))
        {
            return CsvTimeParser.WithMilliseconds(common, milliseconds);
        }

        return _times.Parse(Cell(CsvField.Time), milliseconds);
    }

    /// <summary>A 64-bit hash of the identity cells' bytes (each with its length, so that no two rows' cells run together alike).</summary>
    private ulong IdentityBytesHash()
    {
        _identityBytes.Reset();
        Span<byte> length = stackalloc byte[sizeof(int)];
        foreach (var index in _identityColumns)
        {
            var cell = _reader.GetSpan(index);
            BinaryPrimitives.WriteInt32LittleEndian(length, cell.Length);
            _identityBytes.Append(length);
            _identityBytes.Append(cell);
        }

        return _identityBytes.GetCurrentHashAsUInt64();
    }

    private int Whole(CsvField field) => Number(field) is { } value && value is >= 0 and <= 511 ? (int)value : 0;

    private double? Number(CsvField field)
    {
        TryNumber(field, out var value);
        return value;
    }

    /// <summary>
    /// The number in a cell as <see cref="CsvValues.TryOptionalNumber(string?, out double?)"/> reads it
    /// (false for text that is not one); an ASCII cell, as nearly every number is, from its bytes without a string.
    /// </summary>
    private bool TryNumber(CsvField field, out double? value)
    {
        var index = _layout[field];
        if (index < 0)
        {
            value = null;
            return true;
        }

        var bytes = _reader.GetSpan(index);
        return Ascii.IsValid(bytes) ? CsvValues.TryOptionalNumber(bytes, out value) : CsvValues.TryOptionalNumber(_reader.GetString(index), out value);
    }

    private string? Cell(CsvField field) => _layout[field] is var index and >= 0 ? _reader.GetString(index) : null;

    private DecodedMessage Emit(DecodedMessage message)
    {
        _messages++;
        _messagesByType[message.MessageType]++;
        return message;
    }

    private static void Count(Dictionary<string, long> counts, string reason) =>
        counts[reason] = counts.GetValueOrDefault(reason) + 1;

    /// <summary>What was last read of a vessel's identity: the hash of its cells' bytes, and of its values once it had any.</summary>
    private struct LastIdentity
    {
        public ulong BytesHash;
        public int ValuesHash;
        public bool Known;
    }

    private enum RowOutcome
    {
        Message,
        Skipped,
        Rejected,
    }
}
