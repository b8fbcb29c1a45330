import React from 'react';

export interface DeviceSelectProps {
  id: string;
  label: string;
  devices: MediaDeviceInfo[];
  value: string;
  onChange(id: string): void;
}

/** A labelled device chooser (camera, microphone, speaker); nothing when there is no device to choose. */
export function DeviceSelect(props: DeviceSelectProps) {
  if (props.devices.length === 0) return null;
  return (
    <div className="field vx-field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} data-testid={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.devices.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || `${props.label} ${i + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}
