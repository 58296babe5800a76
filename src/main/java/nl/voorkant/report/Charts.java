package nl.voorkant.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.DeviationStepRenderer;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimePeriodAnchor;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Slide-sized PNG charts: white, readable, and with series told apart by dash, marker and
 * lightness as well as colour, so that they survive a grey printer.
 */
public final class Charts {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 675;
    // Neighbours differ in lightness as well as hue: dark, light, middle, in turn.
    private static final Color[] COLOURS = {new Color(0x1f, 0x4e, 0x79), new Color(0xf7, 0x96, 0x46),
            new Color(0x4f, 0x81, 0x3d), new Color(0x40, 0x40, 0x40), new Color(0x9d, 0xc3, 0xe6),
            new Color(0xc0, 0x50, 0x4d), new Color(0xd9, 0xd9, 0x9b), new Color(0x80, 0x64, 0xa2),
            new Color(0xb4, 0xd6, 0x8c), new Color(0x7f, 0x3f, 0x1f), new Color(0xe6, 0xb8, 0xd0),
            new Color(0x1f, 0x6f, 0x6f)};
    private static final float[][] DASHES = {null, {12f, 6f}, {3f, 4f}, {12f, 4f, 3f, 4f}, {20f, 6f}, {6f, 6f}};
    private static final Shape[] SHAPES = {new Ellipse2D.Double(-4, -4, 8, 8), new Rectangle2D.Double(-4, -4, 8, 8),
            ShapeUtils.createUpTriangle(5), ShapeUtils.createDiamond(5), ShapeUtils.createDownTriangle(5)};
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    /** How a provisional month (late claims still to come) is drawn, whatever the series. */
    static final float[] PROVISIONAL_DASH = {8f, 6f};

    private Charts() {}

    /**
     * Lines over months, one per series, told apart by colour, marker and lightness: the dash is kept for
     * the segments into a provisional month, so that it means one thing only.
     */
    public static byte[] monthly(String title, String yLabel, String xLabel, TimeSeriesCollection data,
                                 Set<Month> provisional, Texts texts) {
        XYPlot plot = new XYPlot(data, monthAxis(xLabel, texts), countAxis(yLabel, texts), provisionalLines(data, provisional));
        return png(chart(title, plot));
    }

    /** Solid lines with markers, each segment that ends in a provisional month dashed. */
    static XYLineAndShapeRenderer provisionalLines(TimeSeriesCollection data, Set<Month> provisional) {
        Stroke solid = new BasicStroke(2.5f);
        Stroke dashed = dashed(2.5f, PROVISIONAL_DASH);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true) {
            @Override
            public Stroke getItemStroke(int series, int item) {
                return provisional.contains(data.getSeries(series).getTimePeriod(item)) ? dashed : solid;
            }
        };
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            r.setSeriesShape(i, SHAPES[i % SHAPES.length]);
            r.setSeriesStroke(i, solid);
        }
        return r;
    }

    /**
     * Areas stacked over months: the top edge is the total, each band one series. Over them the total as a
     * line ({@code total}: series 0 the complete months, series 1 from the last complete month on through
     * the provisional ones, dashed, with the nowcast's interval as a band).
     */
    public static byte[] stacked(String title, String yLabel, String xLabel, TimeTableXYDataset data,
                                 YIntervalSeriesCollection total, Texts texts) {
        StackedXYAreaRenderer2 r = new StackedXYAreaRenderer2();
        for (int i = 0; i < data.getSeriesCount(); i++) r.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
        XYPlot plot = new XYPlot(data, monthAxis(xLabel, texts), countAxis(yLabel, texts), r);
        // The renderer first: the axis' range is found by the dataset's renderer as soon as it is set.
        plot.setRenderer(1, totalLine());
        plot.setDataset(1, total);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return png(chart(title, plot));
    }

    /** The total over a stack: solid while complete, dashed over its band where provisional. */
    static DeviationRenderer totalLine() {
        DeviationRenderer r = new DeviationRenderer(true, false);
        Color ink = Color.BLACK;
        for (int i = 0; i < 2; i++) {
            r.setSeriesPaint(i, ink);
            r.setSeriesFillPaint(i, ink);
        }
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesStroke(1, dashed(2.5f, PROVISIONAL_DASH));
        r.setAlpha(0.2f);
        return r;
    }

    /** Shares per year (0..1) with horizontal reference lines, e.g. the 10%, 30% and 70-80% steps. */
    public static byte[] shares(String title, String yLabel, String xLabel, Map<String, TreeMap<Integer, Double>> series,
                                List<Double> references, Texts texts) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name);
            points.forEach(s::add);
            data.addSeries(s);
        });
        NumberAxis y = new NumberAxis(yLabel);
        y.setRange(0, 1);
        y.setNumberFormatOverride(NumberFormat.getPercentInstance(texts.locale()));
        XYPlot plot = new XYPlot(data, yearAxis(xLabel), y, lines(series.size(), true));
        for (double r : references) {
            ValueMarker m = new ValueMarker(r, Color.GRAY, dashed(1.5f, new float[] {4f, 4f}));
            m.setLabel(NumberFormat.getPercentInstance(texts.locale()).format(r));
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
        return png(chart(title, plot));
    }

    /** Small multiples of step curves with their band on a 0–100% axis, e.g. Kaplan–Meier survival per group. */
    public static byte[] survivalPanels(String title, String yLabel, String xLabel, Map<String, YIntervalSeriesCollection> panels,
                                        Map<String, String> panelTitles, Texts texts) {
        List<JFreeChart> charts = panels.entrySet().stream().map(e -> {
            NumberAxis x = new NumberAxis(xLabel);
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            NumberAxis y = new NumberAxis(yLabel);
            y.setRange(0, 1);
            y.setNumberFormatOverride(NumberFormat.getPercentInstance(texts.locale()));
            DeviationStepRenderer r = new DeviationStepRenderer();
            r.setDefaultShapesVisible(false);
            band(r, 0, 0);
            return panel(panelTitles.getOrDefault(e.getKey(), e.getKey()), new XYPlot(e.getValue(), x, y, r));
        }).toList();
        return grid(title, charts, null);
    }

    /** Small multiples over years: series 0 observed (line with markers), series 1 projected with its band. */
    public static byte[] projectionPanels(String title, String yLabel, String xLabel,
                                          Map<String, YIntervalSeriesCollection> panels, boolean euros, Texts texts) {
        List<JFreeChart> charts = panels.entrySet().stream().map(e -> {
            DeviationRenderer r = new DeviationRenderer(true, false);
            band(r, 0, 0);
            r.setSeriesShapesVisible(0, true);
            r.setSeriesShape(0, SHAPES[0]);
            band(r, 1, 1);
            r.setSeriesStroke(1, dashed(2.5f, DASHES[1]));
            NumberAxis y = euros ? euroAxis(yLabel, texts) : countAxis(yLabel, texts);
            y.setAutoRangeIncludesZero(true);
            return panel(e.getKey(), new XYPlot(e.getValue(), yearAxis(xLabel), y, r));
        }).toList();
        return grid(title, charts, charts.isEmpty() ? null : charts.get(0).getPlot());
    }

    /** Series 0 as bars per month, series 1 as a line over them, both in euros, with the zero line marked. */
    public static byte[] barsAndBalance(String title, String yLabel, String xLabel, TimeSeriesCollection data, Texts texts) {
        TimeSeriesCollection bars = new TimeSeriesCollection();
        bars.addSeries(data.getSeries(0));
        TimeSeriesCollection line = new TimeSeriesCollection();
        line.addSeries(data.getSeries(1));
        // The line's point sits on its month's bar.
        line.setXPosition(TimePeriodAnchor.MIDDLE);
        XYBarRenderer b = new XYBarRenderer(0.25);
        b.setBarPainter(new StandardXYBarPainter());
        b.setShadowVisible(false);
        b.setSeriesPaint(0, COLOURS[4]);
        b.setDrawBarOutline(true);
        b.setSeriesOutlinePaint(0, COLOURS[0]);
        XYPlot plot = new XYPlot(bars, monthAxis(xLabel, texts), euroAxis(yLabel, texts), b);
        XYLineAndShapeRenderer l = new XYLineAndShapeRenderer(true, true);
        l.setSeriesPaint(0, COLOURS[0]);
        l.setSeriesStroke(0, new BasicStroke(3f));
        l.setSeriesShape(0, SHAPES[0]);
        plot.setDataset(1, line);
        plot.setRenderer(1, l);
        plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        return png(chart(title, plot));
    }

    /** A fan: each series' middle line over months with its band (e.g. P10–P90 around P50), in euros. */
    public static byte[] fan(String title, String yLabel, String xLabel, YIntervalSeriesCollection data, Texts texts) {
        DeviationRenderer r = new DeviationRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            band(r, i, i == 0 ? 0 : 1);
            r.setSeriesStroke(i, i == 0 ? new BasicStroke(3f) : dashed(3f, DASHES[1]));
        }
        XYPlot plot = new XYPlot(data, monthAxis(xLabel, texts), euroAxis(yLabel, texts), r);
        plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        return png(chart(title, plot));
    }

    /** Tornados side by side, one per outcome: horizontal bars of the change at each parameter's low and high value. */
    public static byte[] tornados(String title, Map<String, CategoryDataset> outcomes, String yLabel, Texts texts) {
        List<JFreeChart> charts = outcomes.entrySet().stream().map(e -> {
            BarRenderer r = new BarRenderer();
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setItemMargin(0);
            r.setDrawBarOutline(true);
            r.setSeriesPaint(0, COLOURS[0]);
            r.setSeriesPaint(1, COLOURS[4]);
            r.setSeriesOutlinePaint(0, COLOURS[0]);
            r.setSeriesOutlinePaint(1, COLOURS[0]);
            CategoryAxis params = new CategoryAxis();
            params.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            params.setMaximumCategoryLabelWidthRatio(0.4f);
            params.setMaximumCategoryLabelLines(2);
            NumberAxis change = euroAxis(yLabel, texts);
            change.setAutoRangeIncludesZero(true);
            CategoryPlot plot = new CategoryPlot(e.getValue(), params, change, r);
            plot.setOrientation(PlotOrientation.HORIZONTAL);
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
            plot.addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1.5f)));
            return panel(e.getKey(), plot);
        }).toList();
        return grid(title, charts, charts.isEmpty() ? null : charts.get(0).getPlot());
    }

    private static XYLineAndShapeRenderer lines(int n, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            r.setSeriesShape(i, SHAPES[i % SHAPES.length]);
            float[] dash = DASHES[i % DASHES.length];
            r.setSeriesStroke(i, dash == null ? new BasicStroke(2.5f) : dashed(2.5f, dash));
        }
        return r;
    }

    /** A series drawn as a line over a translucent band of the same colour. */
    private static void band(DeviationRenderer r, int series, int colour) {
        r.setSeriesPaint(series, COLOURS[colour]);
        r.setSeriesFillPaint(series, COLOURS[colour]);
        r.setSeriesStroke(series, new BasicStroke(2.5f));
        r.setAlpha(0.25f);
    }

    private static Stroke dashed(float width, float[] dash) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, dash, 0f);
    }

    private static DateAxis monthAxis(String label, Texts texts) {
        DateAxis x = new DateAxis(label);
        // Whole months only: JFreeChart's own units would put two ticks in one month on a short horizon.
        TickUnits months = new TickUnits();
        for (int k : new int[] {1, 2, 3, 6, 12, 24}) {
            months.add(new DateTickUnit(DateTickUnitType.MONTH, k, new SimpleDateFormat("MMM yyyy", texts.locale())));
        }
        x.setStandardTickUnits(months);
        return x;
    }

    private static NumberAxis yearAxis(String label) {
        NumberAxis x = new NumberAxis(label);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new DecimalFormat("0"));
        x.setAutoRangeIncludesZero(false);
        return x;
    }

    private static NumberAxis countAxis(String label, Texts texts) {
        NumberAxis y = new NumberAxis(label);
        y.setNumberFormatOverride(NumberFormat.getNumberInstance(texts.locale()));
        return y;
    }

    private static NumberAxis euroAxis(String label, Texts texts) {
        NumberAxis y = new NumberAxis(label);
        y.setNumberFormatOverride(new DecimalFormat("€ #,##0;€ -#,##0", DecimalFormatSymbols.getInstance(texts.locale())));
        return y;
    }

    private static void style(Plot plot, int labelSize, int tickSize) {
        plot.setBackgroundPaint(Color.WHITE);
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, labelSize);
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, tickSize);
        List<org.jfree.chart.axis.Axis> axes;
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            axes = List.of(xy.getDomainAxis(), xy.getRangeAxis());
        } else {
            CategoryPlot c = (CategoryPlot) plot;
            c.setRangeGridlinePaint(GRID);
            axes = List.of(c.getDomainAxis(), c.getRangeAxis());
        }
        for (var axis : axes) {
            axis.setLabelFont(label);
            if (axis instanceof ValueAxis) axis.setTickLabelFont(tick);
        }
    }

    private static JFreeChart chart(String title, Plot plot) {
        style(plot, 16, 14);
        JFreeChart chart = new JFreeChart(plot);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 22)));
        chart.setBackgroundPaint(Color.WHITE);
        // Room on the right for a date tick centred on the axis' end.
        chart.setPadding(new RectangleInsets(4, 4, 4, 28));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        return chart;
    }

    /** One small chart of a grid: its own small title, no legend (the grid draws one for all). */
    private static JFreeChart panel(String title, Plot plot) {
        style(plot, 13, 12);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 24));
        return chart;
    }

    /** The panels in a grid under one title, as near square as the slide allows, with the legend of {@code legendOf} below. */
    private static byte[] grid(String title, List<JFreeChart> panels, Plot legendOf) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.setPaint(Color.BLACK);
        g.drawString(title, (WIDTH - g.getFontMetrics().stringWidth(title)) / 2, 30);
        double top = 46;
        double bottom = HEIGHT;
        if (legendOf != null) {
            LegendTitle legend = new LegendTitle(legendOf);
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            var size = legend.arrange(g, new RectangleConstraint(new Range(0, WIDTH), new Range(0, 60)));
            bottom = HEIGHT - size.height - 6;
            legend.draw(g, new Rectangle2D.Double((WIDTH - size.width) / 2, bottom, size.width, size.height));
        }
        int n = Math.max(1, panels.size());
        // The column count that gives the largest panels, a panel being best a little wider than tall.
        int columns = 1;
        double best = 0;
        for (int c = 1; c <= n; c++) {
            double size = Math.min(WIDTH / (double) c / 1.4, (bottom - top) / Math.ceil(n / (double) c));
            if (size > best) {
                best = size;
                columns = c;
            }
        }
        int rows = (int) Math.ceil(n / (double) columns);
        double w = WIDTH / (double) columns;
        double h = (bottom - top) / rows;
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).draw(g, new Rectangle2D.Double((i % columns) * w, top + (i / columns) * h, w, h));
        }
        g.dispose();
        try {
            return ChartUtils.encodeAsPNG(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(JFreeChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the staircase of the local share (issue 19) ----

    /**
     * The path of the local share as steps: per category series 0 as a solid bar with its share on top (lighter
     * where series 1 has a value), and series 1 (what stays out of reach) stacked on it as an empty dashed
     * outline, over reference lines ({@code references}) and the goal's band from {@code goalLow} to {@code goalHigh}.
     */
    public static byte[] staircase(String title, String yLabel, CategoryDataset data, List<Double> references,
                                   double goalLow, double goalHigh, Texts texts) {
        NumberFormat percent = NumberFormat.getPercentInstance(texts.locale());
        percent.setMaximumFractionDigits(1);
        // A step out of reach shows the most it allows in a lighter blue: a ceiling, not a plan.
        org.jfree.chart.renderer.category.StackedBarRenderer r = new org.jfree.chart.renderer.category.StackedBarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return row == 0 && data.getValue(1, column) != null ? COLOURS[4] : super.getItemPaint(row, column);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.22);
        r.setDrawBarOutline(true);
        r.setSeriesPaint(0, COLOURS[0]);
        r.setSeriesOutlinePaint(0, COLOURS[0]);
        r.setSeriesPaint(1, Color.WHITE);
        r.setSeriesOutlinePaint(1, COLOURS[0]);
        r.setSeriesOutlineStroke(1, dashed(2f, DASHES[1]));
        r.setSeriesItemLabelGenerator(0, new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}", percent));
        r.setSeriesItemLabelsVisible(0, true);
        r.setSeriesItemLabelFont(0, new Font(Font.SANS_SERIF, Font.BOLD, 16));
        r.setSeriesPositiveItemLabelPosition(0, new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE12, org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER));
        CategoryAxis steps = new CategoryAxis();
        steps.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        steps.setMaximumCategoryLabelLines(4);
        NumberAxis y = new NumberAxis(yLabel);
        y.setRange(0, 1);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1, NumberFormat.getPercentInstance(texts.locale())));
        CategoryPlot plot = new CategoryPlot(data, steps, y, r);
        Font markerFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        org.jfree.chart.plot.IntervalMarker goal = new org.jfree.chart.plot.IntervalMarker(goalLow, goalHigh,
                new Color(0xe2, 0xef, 0xda));
        goal.setLabel(percent.format(goalLow).replace("%", "") + "–" + percent.format(goalHigh));
        goal.setLabelFont(markerFont);
        goal.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.LEFT);
        goal.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
        plot.addRangeMarker(goal, org.jfree.chart.ui.Layer.BACKGROUND);
        for (double ref : references) {
            ValueMarker m = new ValueMarker(ref, Color.GRAY, dashed(1.5f, new float[] {4f, 4f}));
            m.setLabel(percent.format(ref));
            m.setLabelFont(markerFont);
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
        }
        return png(chart(title, plot));
    }
}
