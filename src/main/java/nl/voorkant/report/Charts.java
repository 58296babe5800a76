package nl.voorkant.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Slide-sized PNG charts: white, readable, and with series told apart by dash and marker as well
 * as colour, so that they survive a grey printer.
 */
public final class Charts {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 675;
    private static final Color[] COLOURS = {new Color(0x1f, 0x4e, 0x79), new Color(0xc0, 0x50, 0x4d),
            new Color(0x4f, 0x81, 0x3d), new Color(0x80, 0x64, 0xa2), new Color(0xf7, 0x96, 0x46),
            new Color(0x40, 0x40, 0x40), new Color(0x4b, 0xac, 0xc6), new Color(0x9b, 0xbb, 0x59)};
    private static final float[][] DASHES = {null, {12f, 6f}, {3f, 4f}, {12f, 4f, 3f, 4f}, {20f, 6f}, {6f, 6f}};

    private Charts() {}

    /** Lines over months: series name → (yyyy-MM → value). */
    public static byte[] monthly(String title, String yLabel, String xLabel, Map<String, TreeMap<String, Double>> series,
                                 Texts texts) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        series.forEach((name, points) -> {
            TimeSeries s = new TimeSeries(name);
            points.forEach((month, v) -> s.addOrUpdate(new Month(Integer.parseInt(month.substring(5, 7)),
                    Integer.parseInt(month.substring(0, 4))), v));
            data.addSeries(s);
        });
        DateAxis x = new DateAxis(xLabel);
        x.setDateFormatOverride(new java.text.SimpleDateFormat("MMM yyyy", texts.locale()));
        NumberAxis y = new NumberAxis(yLabel);
        y.setNumberFormatOverride(NumberFormat.getNumberInstance(texts.locale()));
        XYPlot plot = new XYPlot(data, x, y, renderer(series.size(), false));
        return png(title, plot);
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
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setRange(0, 1);
        y.setNumberFormatOverride(NumberFormat.getPercentInstance(texts.locale()));
        XYPlot plot = new XYPlot(data, x, y, renderer(series.size(), true));
        for (double r : references) {
            ValueMarker m = new ValueMarker(r, Color.GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
            m.setLabel(NumberFormat.getPercentInstance(texts.locale()).format(r));
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
        return png(title, plot);
    }

    private static XYLineAndShapeRenderer renderer(int n, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            float[] dash = DASHES[i % DASHES.length];
            r.setSeriesStroke(i, dash == null ? new BasicStroke(2.5f)
                    : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, dash, 0f));
        }
        return r;
    }

    private static byte[] png(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        Font axisFont = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
        plot.getDomainAxis().setLabelFont(axisFont);
        plot.getRangeAxis().setLabelFont(axisFont);
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        plot.getRangeAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        JFreeChart chart = new JFreeChart(plot);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 22)));
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
