package dev.scopecut.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws acknowledgement latency (p50 and p99, log scale) against offered load for
 * Scopecut and the baseline, from the benchmark's own fixed-rate phases, as a PNG. Plain
 * Java2D: the benchmark needs no charting library.
 */
final class LatencyPlot {

	/** One fixed-rate phase: what was offered, and the latencies it got. */
	record Point(double offeredPerSecond, double p50Millis, double p99Millis) {
	}

	private static final int WIDTH = 900;

	private static final int HEIGHT = 540;

	private static final int LEFT = 80;

	private static final int RIGHT = 30;

	private static final int TOP = 50;

	private static final int BOTTOM = 70;

	private static final double MIN_MILLIS = 0.1;

	private static final BasicStroke P99 = new BasicStroke(2.5f);

	private static final BasicStroke P50 = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
			new float[] { 5, 3 }, 0);

	private static final Color SCOPECUT = new Color(0x1264A3);

	private static final Color BASELINE = new Color(0xE01E5A);

	private LatencyPlot() {
	}

	static void write(Path file, String title, List<Point> scopecut, List<Point> baseline, double targetMillis)
			throws IOException {
		double maxLoad = 0;
		double maxMillis = targetMillis * 2;
		for (List<Point> series : List.of(scopecut, baseline)) {
			for (Point point : series) {
				maxLoad = Math.max(maxLoad, point.offeredPerSecond());
				maxMillis = Math.max(maxMillis, point.p99Millis());
			}
		}
		double topMillis = Math.pow(10, Math.ceil(Math.log10(maxMillis)));
		Scale scale = new Scale(niceCeiling(maxLoad), topMillis);
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, HEIGHT);
		axes(g, scale);
		g.setColor(Color.GRAY);
		g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 }, 0));
		int target = scale.y(targetMillis);
		g.drawLine(LEFT, target, WIDTH - RIGHT, target);
		g.drawString("target p99 " + format(targetMillis) + " ms", WIDTH - RIGHT - 140, target - 5);
		series(g, scale, scopecut, SCOPECUT);
		series(g, scale, baseline, BASELINE);
		g.setColor(Color.BLACK);
		g.setFont(g.getFont().deriveFont(Font.BOLD, 15f));
		g.drawString(title, LEFT, 28);
		g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
		legend(g);
		g.dispose();
		Files.createDirectories(file.toAbsolutePath().getParent());
		ImageIO.write(image, "png", file.toFile());
	}

	private record Scale(double maxLoad, double maxMillis) {

		int x(double load) {
			return LEFT + (int) Math.round(load / this.maxLoad * (WIDTH - LEFT - RIGHT));
		}

		int y(double millis) {
			double fraction = (Math.log10(Math.max(millis, MIN_MILLIS)) - Math.log10(MIN_MILLIS))
					/ (Math.log10(this.maxMillis) - Math.log10(MIN_MILLIS));
			return HEIGHT - BOTTOM - (int) Math.round(fraction * (HEIGHT - TOP - BOTTOM));
		}

	}

	private static void axes(Graphics2D g, Scale scale) {
		g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
		for (double millis = MIN_MILLIS; millis <= scale.maxMillis() * 1.001; millis *= 10) {
			int y = scale.y(millis);
			g.setColor(new Color(0xDDDDDD));
			g.drawLine(LEFT, y, WIDTH - RIGHT, y);
			g.setColor(Color.BLACK);
			g.drawString(format(millis) + " ms", 8, y + 4);
		}
		double step = scale.maxLoad() / 5;
		for (int i = 0; i <= 5; i++) {
			int x = scale.x(step * i);
			g.setColor(new Color(0xDDDDDD));
			g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
			g.setColor(Color.BLACK);
			g.drawString(String.format(Locale.ROOT, "%.0f", step * i), x - 14, HEIGHT - BOTTOM + 18);
		}
		g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
		g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
		g.drawString("offered load, votes per second (fixed rate)", WIDTH / 2 - 120, HEIGHT - 25);
	}

	private static void series(Graphics2D g, Scale scale, List<Point> points, Color color) {
		g.setColor(color);
		for (boolean p99 : new boolean[] { false, true }) {
			g.setStroke(p99 ? P99 : P50);
			for (int i = 0; i < points.size(); i++) {
				Point point = points.get(i);
				int x = scale.x(point.offeredPerSecond());
				int y = scale.y(p99 ? point.p99Millis() : point.p50Millis());
				g.fillOval(x - 3, y - 3, 7, 7);
				if (i > 0) {
					Point before = points.get(i - 1);
					g.drawLine(scale.x(before.offeredPerSecond()),
							scale.y(p99 ? before.p99Millis() : before.p50Millis()), x, y);
				}
			}
		}
	}

	private static void legend(Graphics2D g) {
		int x = LEFT + 12;
		int y = TOP + 16;
		String[] entries = { "Scopecut p99", "Scopecut p50", "baseline p99", "baseline p50" };
		for (int i = 0; i < entries.length; i++) {
			g.setColor((i < 2) ? SCOPECUT : BASELINE);
			g.setStroke((i % 2 == 0) ? P99 : P50);
			g.drawLine(x, y + i * 18 - 4, x + 30, y + i * 18 - 4);
			g.setColor(Color.BLACK);
			g.drawString(entries[i], x + 38, y + i * 18);
		}
	}

	private static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
		for (double nice : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (nice * magnitude >= value) {
				return nice * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String format(double millis) {
		return (millis < 1) ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%.0f", millis);
	}

}
