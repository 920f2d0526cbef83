package dev.gainstage.panel.dock;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * A real X11 window titled like Ardour's main window, in its own process, for docking tests. Reads
 * "move X Y W H" lines on stdin and prints "at X Y W H" once moved.
 */
public final class FakeDawWindow {
    private FakeDawWindow() {}

    public static void main(String[] args) throws Exception {
        JFrame[] frame = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            frame[0] = new JFrame("Ardour 7.3 - Demo Session");
            frame[0].setBounds(
                    Integer.parseInt(args[0]),
                    Integer.parseInt(args[1]),
                    Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]));
            frame[0].setVisible(true);
        });
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] p = line.trim().split(" ");
            if (p[0].equals("move")) {
                SwingUtilities.invokeAndWait(() -> frame[0].setBounds(
                        Integer.parseInt(p[1]),
                        Integer.parseInt(p[2]),
                        Integer.parseInt(p[3]),
                        Integer.parseInt(p[4])));
                System.out.println("at " + String.join(" ", p[1], p[2], p[3], p[4]));
                System.out.flush();
            }
        }
        System.exit(0);
    }
}
