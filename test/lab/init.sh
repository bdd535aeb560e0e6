#!/bin/busybox sh
# PID 1 of the lab VM (packed as /init by run.sh). Loads the modules listed in
# /lab/modules, sets up a gpio-sim chip, runs each scenario named in
# /lab/scenarios and prints one "lab: scenario NAME: PASS|FAIL" line for each,
# then powers off. run.sh reads those lines from the serial console.
#
# Adding a scenario: write a scenario_NAME function below that runs one test
# binary from /lab and returns its exit status, then add NAME to SCENARIOS in
# run.sh.

/bin/busybox --install -s /bin
export PATH=/bin HOME=/tmp TMPDIR=/tmp

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run

say() { echo "lab: $*"; }
finish() {
	say "done: $pass passed, $fail failed"
	sync
	poweroff -f
}

pass=0
fail=0
say "kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) cpu, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo)"

# Modules, dependencies first (run.sh wrote the order).
while read -r ko params; do
	[ -n "$ko" ] || continue
	# shellcheck disable=SC2086 # params are separate words
	if ! insmod "/lib/modules/$ko" $params; then
		say "insmod $ko $params failed"
		dmesg | tail -20
		fail=$((fail + 1))
		finish
	fi
done </lab/modules
say "modules: $(cut -d' ' -f1 /lab/modules | sed 's/\.ko$//' | tr '\n' ' ')"

# --- gpio-sim: one chip, 8 named lines ------------------------------------
# Line names follow the Pi header so tests can find lines by name; offsets
# 0..2 are the button, LED and relay of gpio/README.md's wiring.
GPIO_NAMES="GPIO17 GPIO27 GPIO22 GPIO23 GPIO5 GPIO6 GPIO13 GPIO26"
gpio_sim_setup() {
	mount -t configfs configfs /sys/kernel/config || return 1
	dev=/sys/kernel/config/gpio-sim/lab
	mkdir "$dev" "$dev/bank0" || return 1
	echo "lab-gpio" >"$dev/bank0/label"
	echo 8 >"$dev/bank0/num_lines"
	i=0
	for name in $GPIO_NAMES; do
		mkdir "$dev/bank0/line$i"
		echo "$name" >"$dev/bank0/line$i/name"
		i=$((i + 1))
	done
	echo 1 >"$dev/live" || return 1
	GPIO_CHIP=$(cat "$dev/bank0/chip_name")
	say "gpio-sim: $GPIO_CHIP (lab-gpio), lines $GPIO_NAMES"
}

# --- scenarios ------------------------------------------------------------
# Each runs one test binary; -test.v output goes to the console.

# gpiosim: the lab's own check of the chip through periph's gpioioctl (lines
# by name, input edges from sim pulls, output values read back via sysfs).
scenario_gpiosim() {
	[ -n "$GPIO_CHIP" ] || { say "no gpio-sim chip"; return 1; }
	INTERCOMD_GPIO_CHIP=$GPIO_CHIP /lab/scenarios.test -test.timeout=90s -test.run '^TestGPIOSim$' -test.v
}

# gpio: the gpio package's TestRealChip drives the panel on the sim chip
# (button press → one call, LED and relay read back via sysfs).
scenario_gpio() {
	[ -n "$GPIO_CHIP" ] || { say "no gpio-sim chip"; return 1; }
	INTERCOMD_GPIO_CHIP=$GPIO_CHIP /lab/gpio.test -test.timeout=90s -test.run '^TestRealChip$' -test.v
}

# v4l2_node prints the /dev path of the first video node whose name contains $1.
v4l2_node() {
	for d in /sys/class/video4linux/video*; do
		grep -q "$1" "$d/name" && { echo "/dev/${d##*/}"; return 0; }
	done
	return 1
}

# device_capture: package device's V4L2 capture on vivid (YU12, NV12, YUYV).
scenario_device_capture() {
	INTERCOMD_V4L2_CAPTURE=$(v4l2_node vivid) /lab/device.test -test.timeout=120s -test.run '^TestRealCapture$' -test.v
}

# device_encoder: package device's M2M encoder (the bcm2835-codec code) on vicodec.
scenario_device_encoder() {
	INTERCOMD_V4L2_ENCODER=$(v4l2_node stateful-encoder) /lab/device.test -test.timeout=120s -test.run '^TestRealM2MEncoder$' -test.v
}

# device_pipeline: a whole Camera (vivid → vicodec) started and stopped three times.
scenario_device_pipeline() {
	INTERCOMD_V4L2_CAPTURE=$(v4l2_node vivid) INTERCOMD_V4L2_ENCODER=$(v4l2_node stateful-encoder) \
		/lab/device.test -test.timeout=120s -test.run '^TestRealCaptureToEncoder$' -test.v
}

# alsa: package device's ALSA playback and capture through snd-aloop (card 0):
# a tone played is captured back, raw and through a call's jitter buffer and speaker loop.
scenario_alsa() {
	INTERCOMD_ALSA_LOOPBACK_CARD=0 /lab/device.test -test.timeout=120s -test.run '^TestRealALSALoopback$' -test.v
}

# alsa_call: a call between two stations in one process (device.Audio,
# webrtcpeer, mqttsignal, call over an embedded broker on lo), in PCMU: a
# 1 kHz tone played into the door's microphone (snd-aloop hw:0,0 capture, fed
# through hw:0,1) must come out of the panel's speaker (hw:0,0 playback,
# recorded on hw:0,1) at its pitch and level. lo starts down in the VM.
scenario_alsa_call() {
	ip link set lo up || return 1
	INTERCOMD_ALSA_CALL_CARD=0 /lab/scenarios.test -test.timeout=120s -test.run '^TestALSACall$' -test.v
}

# netem: a call between two stations whose media crosses a veth pair with tc
# netem on both ends (30 % loss + 200 ms delay, a 5 s blackout, an endless
# one); the panel runs in its own network namespace. iproute2's ip and tc
# are in /usr/sbin (busybox's cannot do veth peers or netem).
scenario_netem() {
	PATH=/usr/sbin:/bin INTERCOMD_NETEM=1 /lab/scenarios.test -test.timeout=240s -test.run '^TestNetem$' -test.v
}

GPIO_CHIP=
gpio_sim_setup || say "gpio-sim setup failed"

while read -r s; do
	[ -n "$s" ] || continue
	say "scenario $s: start"
	t0=$(cut -d' ' -f1 /proc/uptime)
	if (scenario_"$s") </dev/null; then
		r=PASS
		pass=$((pass + 1))
	else
		r=FAIL
		fail=$((fail + 1))
		say "scenario $s: last kernel messages:"
		dmesg | tail -15
	fi
	t1=$(cut -d' ' -f1 /proc/uptime)
	say "scenario $s: $r ($(awk "BEGIN {printf \"%.1f\", $t1 - $t0}")s)"
done </lab/scenarios
finish
