{{- define "music-collective.name" -}}{{ .Release.Name }}-music-collective{{- end -}}
{{- define "music-collective.labels" -}}
app.kubernetes.io/name: music-collective
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
